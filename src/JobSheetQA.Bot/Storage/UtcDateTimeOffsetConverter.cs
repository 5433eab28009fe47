using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Stores every <see cref="DateTimeOffset"/> as a UTC <see cref="DateTime"/>: SQLite cannot compare or order
/// DateTimeOffset text with offsets, and PostgreSQL's <c>timestamptz</c> wants UTC. Truncated to microseconds so
/// both providers keep exactly the same value.
/// </summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => new DateTime(value.UtcTicks - value.UtcTicks % TicksPerMicrosecond, DateTimeKind.Utc),
    stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)))
{
    private const long TicksPerMicrosecond = 10;
}

using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace JobSheetQA.Bot.Hosting.Settings;

/// <summary>
/// Rewords the configuration binder's conversion failure ("Failed to convert configuration value 'x' at 'Jobs:WorkerCount'
/// to type 'System.Int32'") so it starts with the key and says what the setting takes.
/// </summary>
internal static partial class UnreadableSetting
{
    public static bool TryDescribe(InvalidOperationException exception, [NotNullWhen(true)] out string? description)
    {
        var match = BinderFailure().Match(exception.Message);
        if (!match.Success)
        {
            description = null;
            return false;
        }

        var (value, key, typeName) = (match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value);
        description = $"{key} cannot be read from '{value}': it takes {Expected(typeName)}.";
        return true;
    }

    private static string Expected(string typeName)
    {
        var type = Type.GetType(typeName) ?? typeof(UnreadableSetting).Assembly.GetType(typeName);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => $"a {typeName}",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(TimeSpan) => "a duration such as 00:00:10 (hh:mm:ss)",
            _ when type == typeof(Uri) => "an absolute URL",
            _ => $"a {type.Name}",
        };
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();
}

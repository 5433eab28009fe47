namespace JobSheetQA.Bot.Storage;

/// <summary>
/// What <c>PRAGMA wal_checkpoint</c> answered (https://sqlite.org/pragma.html#pragma_wal_checkpoint): whether another
/// checkpoint kept it from running, the pages in the write-ahead log, and how many of them are in the database file.
/// </summary>
internal readonly record struct WalCheckpoint(bool Busy, long LogPages, long CopiedPages);

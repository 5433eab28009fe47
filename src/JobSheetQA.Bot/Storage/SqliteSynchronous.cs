namespace JobSheetQA.Bot.Storage;

/// <summary><c>Storage:SqliteSynchronous</c>: how hard SQLite syncs a commit to disk (https://sqlite.org/pragma.html#pragma_synchronous).</summary>
public enum SqliteSynchronous
{
    /// <summary>WAL's recommended level: durable across a process crash; a power loss may lose the last commits.</summary>
    Normal,

    /// <summary>An fsync per commit: durable across a power loss, slower per write.</summary>
    Full,
}

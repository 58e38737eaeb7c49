namespace SupportBot.Core.Storage.Sqlite;

/// <summary>Where the SQLite database lives and how hard it flushes.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>Path of the database file; created with its folder if missing.</summary>
    public string FilePath { get; set; } = "data/supportbot.db";

    /// <summary>
    /// <see cref="SqliteSynchronous.Normal"/> (the default): in WAL mode a committed turn survives a process
    /// crash or kill; a power loss or OS crash can roll back the last few commits, never corrupt the file.
    /// <see cref="SqliteSynchronous.Full"/>: every commit is fsynced and survives a power loss too, at the
    /// cost of one disk flush per turn.
    /// </summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>
    /// False (the default): this process keeps the file to itself and its connections coordinate in memory,
    /// not through the <c>-shm</c> file's locks (see <see cref="SqliteFile"/>); another process opening it gets
    /// "in use". True: other processes may open the file while the bot runs, at the cost of the file-lock system calls each read transaction then makes.
    /// </summary>
    public bool SharedWithOtherProcesses { get; set; }

    /// <summary>How long a write waits for another process holding the database lock.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that are safe with WAL.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}

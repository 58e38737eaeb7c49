namespace SupportBot.Bot.Storage;

/// <summary>The <c>Storage</c> section of appsettings.json: which provider holds state, transcripts and the outbox.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (the default, durable) or <c>Memory</c> (lost when the process ends).</summary>
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>Folder for data files, relative to the working directory unless absolute; created if missing.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>The <c>Storage:Sqlite</c> section.</summary>
    public SqliteSection Sqlite { get; set; } = new();

    /// <summary>Settings of the SQLite provider.</summary>
    public sealed class SqliteSection
    {
        /// <summary>Database file name inside <see cref="DataFolder"/>.</summary>
        public string FileName { get; set; } = "supportbot.db";

        /// <summary><c>Normal</c> (survives a process kill) or <c>Full</c> (also survives a power loss; slower).</summary>
        public string Synchronous { get; set; } = "Normal";

        /// <summary>
        /// False (the default): the bot keeps the file to itself, which saves file-lock calls on every read; another
        /// process opening it (a second bot, <c>sqlite3</c>, a backup tool) is refused while the bot runs. True: they may.
        /// </summary>
        public bool SharedWithOtherProcesses { get; set; }

        /// <summary>Where the running bot writes backups of the file (relative to the working directory unless absolute); empty: none.</summary>
        public string BackupFolder { get; set; } = string.Empty;

        /// <summary>Time between backups (the first is taken at start); at least a minute.</summary>
        public TimeSpan BackupInterval { get; set; } = TimeSpan.FromDays(1);

        /// <summary>How many backups are kept; older ones are deleted after each new one.</summary>
        public int BackupsKept { get; set; } = 7;
    }
}

/// <summary>Values of <see cref="StorageOptions.Provider"/>.</summary>
public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Memory = "Memory";
}

using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// How the bot's SQLite file is opened. Storage, the support services and the handoff store keep their
/// tables in the same file, so they must open it the same way; each takes the connection string from here.
/// </summary>
/// <remarks>
/// By default the process keeps the file to itself: SQLite's <c>unix-excl</c> VFS takes an exclusive lock
/// on the file at the first read and holds it while any connection of the process is open. Connections
/// inside the process share the WAL index in ordinary memory instead of the <c>-shm</c> file, so a read
/// transaction costs no file-lock system calls (two per read otherwise, three or four reads per turn).
/// Another process (a second bot on the same folder, the <c>sqlite3</c> shell, a backup tool) gets
/// "database is locked" until the bot stops. Shared with other processes, the file is opened the ordinary
/// way. Windows has no <c>unix-excl</c>; there the file is always opened the ordinary way.
/// </remarks>
public static class SqliteFile
{
    private const int SqliteBusy = 5;

    /// <summary>
    /// The connection string for the database file at <paramref name="filePath"/> (relative to the working
    /// directory unless absolute). Creates the file's folder if missing; SQLite creates the file on open.
    /// </summary>
    public static string ConnectionString(string filePath, bool sharedWithOtherProcesses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var fullPath = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var dataSource = sharedWithOtherProcesses || OperatingSystem.IsWindows()
            ? fullPath

            // A URI names the VFS; Uri escapes the characters a path may hold that a URI may not (space, %, #, ?).
            : new Uri(fullPath).AbsoluteUri + "?vfs=unix-excl";
        return new SqliteConnectionStringBuilder { DataSource = dataSource, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
    }

    /// <summary>
    /// True when <paramref name="exception"/> says another process holds the file: SQLite gave up waiting for
    /// its lock.
    /// </summary>
    public static bool IsLockedByAnotherProcess(SqliteException exception) =>
        (exception ?? throw new ArgumentNullException(nameof(exception))).SqliteErrorCode == SqliteBusy;
}

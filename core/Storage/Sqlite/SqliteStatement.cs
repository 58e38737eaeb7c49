using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>
/// One prepared statement run through SQLite's own API (the library under Microsoft.Data.Sqlite), for the
/// writer's statements: every turn runs about ten of them on the one writer connection, and ADO.NET's
/// per-call objects (a data reader, a binder per parameter) cost more there than the statement itself.
/// Bind the values, then run it once; it is reset for the next use either way. Zero-based columns, one-based
/// parameters, as in SQLite.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
    }

    public SqliteStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    /// <summary>Binds text given as its UTF-8 bytes (JSON as serialised), with no detour through a string.</summary>
    public SqliteStatement BindUtf8(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    /// <summary>Runs the statement and answers how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            Step();
            return raw.sqlite3_changes(_database);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs the statement and answers the first column of its one row (INSERT … RETURNING).</summary>
    public long ExecuteInt64()
    {
        try
        {
            if (!Step())
            {
                Check(raw.SQLITE_MISUSE);
            }

            return raw.sqlite3_column_int64(_statement, 0);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Runs a query and answers <paramref name="read"/> of its first row, or <paramref name="none"/> when it has none.</summary>
    public T QueryFirst<T>(Func<SqliteStatement, T> read, T none)
    {
        try
        {
            return Step() ? read(this) : none;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>A text column of the current row as its UTF-8 bytes, valid until the statement moves on.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>A text column of the current row.</summary>
    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    /// <summary>One step: true when it produced a row, false when the statement is done; throws on an error.</summary>
    private bool Step()
    {
        var result = raw.sqlite3_step(_statement);
        if (result is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            Check(result);
        }

        return result == raw.SQLITE_ROW;
    }

    private void Reset()
    {
        raw.sqlite3_reset(_statement);
        raw.sqlite3_clear_bindings(_statement);
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_database).utf8_to_string(), result, raw.sqlite3_extended_errcode(_database));
        }
    }
}

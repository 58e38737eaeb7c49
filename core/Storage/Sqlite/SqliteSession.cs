using Microsoft.Data.Sqlite;

namespace SupportBot.Core.Storage.Sqlite;

/// <summary>One open connection with its statements prepared once and reused; used under <see cref="Gate"/>.</summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private bool _disposed;

    public Lock Gate { get; } = new();

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The prepared statement for <paramref name="sql"/>, bound to <paramref name="transaction"/>.</summary>
    public SqliteCommand Command(SqliteTransaction? transaction, string sql, params ReadOnlySpan<string> parameterNames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>The prepared statement for <paramref name="sql"/> on SQLite's own API (<see cref="SqliteStatement"/>).</summary>
    public SqliteStatement Statement(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(Connection, sql);
            _statements[sql] = statement;
        }

        return statement;
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            foreach (var statement in _statements.Values)
            {
                statement.Dispose();
            }

            Connection.Dispose();
        }
    }
}

using Microsoft.Extensions.Options;
using SupportBot.Core.Storage.Sqlite;

namespace SupportBot.Bot.Storage;

/// <summary>Fails start on a bad <c>Storage</c> section, naming the key and the values it accepts.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!IsProvider(options.Provider, StorageProviders.Sqlite) && !IsProvider(options.Provider, StorageProviders.Memory))
        {
            failures.Add($"Storage:Provider must be '{StorageProviders.Sqlite}' or '{StorageProviders.Memory}' (was '{options.Provider}').");
        }

        if (string.IsNullOrWhiteSpace(options.DataFolder) || options.DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("Storage:DataFolder must be a folder path (relative to the working directory or absolute).");
        }

        var fileName = options.Sqlite.FileName;
        if (string.IsNullOrWhiteSpace(fileName) || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            failures.Add($"Storage:Sqlite:FileName must be a plain file name (was '{fileName}').");
        }

        if (!Enum.TryParse<SqliteSynchronous>(options.Sqlite.Synchronous, ignoreCase: true, out var synchronous) || !Enum.IsDefined(synchronous))
        {
            failures.Add($"Storage:Sqlite:Synchronous must be 'Normal' or 'Full' (was '{options.Sqlite.Synchronous}').");
        }

        var sqlite = options.Sqlite;
        if (!string.IsNullOrWhiteSpace(sqlite.BackupFolder))
        {
            if (!IsProvider(options.Provider, StorageProviders.Sqlite))
            {
                failures.Add("Storage:Sqlite:BackupFolder backs up the SQLite file: set it only with Storage:Provider=Sqlite.");
            }

            if (sqlite.BackupFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                failures.Add("Storage:Sqlite:BackupFolder must be a folder path (relative to the working directory or absolute).");
            }

            if (sqlite.BackupInterval < TimeSpan.FromMinutes(1))
            {
                failures.Add($"Storage:Sqlite:BackupInterval must be at least 00:01:00 (was {sqlite.BackupInterval}).");
            }

            if (sqlite.BackupsKept is < 1 or > 1000)
            {
                failures.Add($"Storage:Sqlite:BackupsKept must be between 1 and 1000 (was {sqlite.BackupsKept}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsProvider(string? value, string provider) => string.Equals(value, provider, StringComparison.OrdinalIgnoreCase);
}

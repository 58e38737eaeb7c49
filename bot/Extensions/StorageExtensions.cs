using Microsoft.Extensions.Options;
using SupportBot.Bot.Storage;
using SupportBot.Core.Storage;

namespace SupportBot.Bot.Extensions;

/// <summary>Registers the storage provider named by the <c>Storage</c> section.</summary>
public static class StorageExtensions
{
    /// <summary>
    /// Binds and validates <see cref="StorageOptions"/> (a bad value fails start naming the key) and
    /// registers one provider instance as <see cref="IStorage"/>, <see cref="ITranscriptStore"/>,
    /// <see cref="IOutboxStore"/> and <see cref="ITurnStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBotStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        builder.Services.AddSingleton(sp => BotStore.Open(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BotStore>().Storage);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BotStore>().Transcripts);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BotStore>().Outbox);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<BotStore>().Turns);
        builder.Services.AddHostedService<SqliteBackupService>();
        return builder;
    }
}

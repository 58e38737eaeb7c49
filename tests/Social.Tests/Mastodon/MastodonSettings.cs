using SupportBot.Social.Tests.Fakes;

namespace SupportBot.Social.Tests.Mastodon;

internal static class MastodonSettings
{
    /// <summary>The host's settings for the fake instance: poll every second, answer what is there at the first start, quick retries.</summary>
    public static Dictionary<string, string?> For(FakeMastodonServer fake, string? dataFolder = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:Mastodon:InstanceUrl"] = fake.Url.AbsoluteUri,
            ["Channels:Mastodon:AccessToken"] = FakeMastodonServer.Token,
            ["Channels:Mastodon:PollInterval"] = "00:00:01",
            ["Channels:Mastodon:AnswerExistingOnFirstStart"] = "true",
            ["Channels:Mastodon:RetryBaseDelay"] = "00:00:00.050",
        };
        if (dataFolder is not null)
        {
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:DataFolder"] = dataFolder;
        }

        return settings;
    }
}

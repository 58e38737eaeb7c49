using SupportBot.Social.Tests.Fakes;

namespace SupportBot.Social.Tests.X;

internal static class XSettings
{
    /// <summary>The host's settings for the fake API: OAuth 2.0 (or 1.0a), poll every second, small pages, quick retries.</summary>
    public static Dictionary<string, string?> For(FakeXServer fake, string? dataFolder = null, bool oauth1 = false, int pageSize = 20)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:X:ApiBaseUrl"] = fake.Url.AbsoluteUri,
            ["Channels:X:PollInterval"] = "00:00:01",
            ["Channels:X:DirectMessagePollInterval"] = "00:00:01",
            ["Channels:X:PageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:X:AnswerExistingOnFirstStart"] = "true",
            ["Channels:X:RetryBaseDelay"] = "00:00:00.050",
        };
        if (oauth1)
        {
            settings["Channels:X:Auth"] = "OAuth1";
            settings["Channels:X:ConsumerKey"] = FakeXServer.ConsumerKey;
            settings["Channels:X:ConsumerSecret"] = FakeXServer.ConsumerSecret;
            settings["Channels:X:AccessToken"] = FakeXServer.AccessToken1;
            settings["Channels:X:AccessTokenSecret"] = FakeXServer.AccessTokenSecret;
        }
        else
        {
            settings["Channels:X:Auth"] = "OAuth2";
            settings["Channels:X:ClientId"] = FakeXServer.ClientId;
            settings["Channels:X:ClientSecret"] = FakeXServer.ClientSecret;
            settings["Channels:X:RefreshToken"] = "refresh-0";
        }

        if (dataFolder is not null)
        {
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:DataFolder"] = dataFolder;
        }

        return settings;
    }
}

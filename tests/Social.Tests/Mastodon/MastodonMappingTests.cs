using SupportBot.Connectors.Mastodon;
using SupportBot.Connectors.Mastodon.Client;

namespace SupportBot.Social.Tests.Mastodon;

public sealed class MastodonMappingTests
{
    private static readonly MastodonAccount Self = new("1", "alderfinch", "alderfinch", "Alder & Finch");

    [Fact]
    public void ToText_RealMastodonHtml_PlainTextWithWholeUrlsAndDecodedEntities()
    {
        const string html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://social.example/@alderfinch\" class=\"u-url mention\">@<span>alderfinch</span></a></span> my order &amp; the receipt: <a href=\"https://example.com/photos/abc123456789\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">example.com/photos/abc</span><span class=\"invisible\">123456789</span></a> &lt;3</p><p>second line<br />third</p>";

        var text = MastodonHtml.ToText(html);

        Assert.Equal("@alderfinch my order & the receipt: https://example.com/photos/abc123456789 <3\n\nsecond line\nthird", text);
    }

    [Fact]
    public void ToPost_Mention_StripsAddressingKeepsStatusIdAndVisibility()
    {
        var author = new MastodonAccount("200", "priya", "priya@social.example", "Priya Shah");
        var status = new MastodonStatus("9001", null, null, "direct", "<p>@<span>alderfinch</span> @<span>friend</span> where is order 4402?</p>", "https://social.example/@priya/9001", author);

        var post = MastodonActivityMapper.ToPost(new MastodonNotification("55", "mention", null, author, status), Self);

        Assert.NotNull(post);
        Assert.Equal("9001", post.Id);
        Assert.Equal("200", post.AuthorId);
        Assert.Equal("priya@social.example", post.AuthorHandle);
        Assert.True(post.IsPrivate);
        Assert.Equal("where is order 4402?", post.Text);
    }

    [Fact]
    public void ToPost_OwnStatusOrOtherType_Skipped()
    {
        var status = new MastodonStatus("9002", null, null, "public", "<p>hi</p>", null, Self);
        Assert.Null(MastodonActivityMapper.ToPost(new MastodonNotification("56", "mention", null, Self, status), Self));
        Assert.Null(MastodonActivityMapper.ToPost(new MastodonNotification("57", "favourite", null, Self, null), Self));
    }
}

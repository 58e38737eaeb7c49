using SupportBot.Connectors.Email.Mime;

namespace SupportBot.Email.Tests.Mime;

public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("Replacement please.\n\nOn Tue, 24 Nov 2026 at 10:02, Support <support@shop.example> wrote:\n> What would make this right?\n> (1) Replacement")]
    [InlineData("Replacement please.\n\nOn Tue, 24 Nov 2026 at 10:02, Alder & Finch Support\n<support@shop.example> wrote:\n> What would make this right?")]
    [InlineData("Replacement please.\n\n-----Original Message-----\nFrom: Support\nSent: Tuesday\nWhat would make this right?")]
    [InlineData("Replacement please.\n\nFrom: Support <support@shop.example>\nSent: Tuesday, 24 November 2026 10:02\nTo: Sam\nSubject: Re: Order\n\nWhat would make this right?")]
    [InlineData("Replacement please.\n________________________________\nFrom: Support\nWhat would make this right?")]
    [InlineData("Replacement please.\n-- \nSam Rivera\nHead of Things, Example Ltd")]
    [InlineData("Replacement please.\n\nSent from my iPhone")]
    [InlineData("Replacement please.\n> quoted line\n> another")]
    public void Strip_QuotedHistoryAndSignature_LeavesWhatTheCustomerWrote(string text) =>
        Assert.Equal("Replacement please.", ReplyText.Strip(text));

    [Fact]
    public void Strip_ReplyWrittenBelowTheQuote_KeepsTheTextRatherThanNothing()
    {
        var stripped = ReplyText.Strip("> What would make this right?\n> (1) Replacement\n\n");

        Assert.Equal("What would make this right?\n(1) Replacement", stripped);
    }

    [Fact]
    public void Strip_OrdinaryMultiLineStory_IsKeptWhole()
    {
        const string Story = "Hello,\n\nmy order 4411 arrived with a cracked screen.\nFrom what I can see the box was dropped.\n\nThanks";

        Assert.Equal(Story, ReplyText.Strip(Story));
    }
}

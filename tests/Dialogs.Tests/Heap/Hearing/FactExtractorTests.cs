using SupportBot.Dialogs.Heap.Hearing;
using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Dialogs.Tests.Heap.Hearing;

public sealed class FactExtractorTests
{
    [Theory]
    [InlineData("my order 4411 arrived broken", "4411")]
    [InlineData("Order #5520 is late", "5520")]
    [InlineData("order number: 123456 never came", "123456")]
    [InlineData("it's #4398", "4398")]
    [InlineData("I bought it for 49.99", null)]
    public void Extract_OrderNumber(string text, string? expected) => Assert.Equal(expected, FactExtractor.Extract(text).OrderNumber);

    [Theory]
    [InlineData("about ticket T-1042 please", "T-1042")]
    [InlineData("my ticket t1042", "T-1042")]
    [InlineData("order 1042", null)]
    public void Extract_TicketId(string text, string? expected) => Assert.Equal(expected, FactExtractor.Extract(text).TicketId);

    [Theory]
    [InlineData("I paid $49.99 for it", 49.99, "USD")]
    [InlineData("refund of £1,200 please", 1200, "GBP")]
    [InlineData("it cost 30 euros", 30, "EUR")]
    [InlineData("€15", 15, "EUR")]
    public void Extract_AmountWithCurrency(string text, double amount, string currency)
    {
        var money = FactExtractor.Extract(text).Amount;

        Assert.Equal((decimal)amount, money!.Amount);
        Assert.Equal(currency, money.Currency);
    }

    [Theory]
    [InlineData("I need it by Friday", "by Friday")]
    [InlineData("needed before 12 March", "before 12 March")]
    [InlineData("it has to be here by the weekend", "by the weekend")]
    [InlineData("please fix it asap", "asap")]
    [InlineData("it arrived on Monday", null)]
    public void Extract_Deadline(string text, string? expected) => Assert.Equal(expected, FactExtractor.Extract(text).Deadline);

    [Theory]
    [InlineData("the screen is cracked", IssueTypes.Damaged)]
    [InlineData("parcel arrived with a smashed lid", IssueTypes.Damaged)]
    [InlineData("you sent me the wrong size", IssueTypes.WrongItem)]
    [InlineData("the charger was missing", IssueTypes.Missing)]
    [InlineData("my kettle stopped working", IssueTypes.Defective)]
    [InlineData("I was charged twice", IssueTypes.Billing)]
    [InlineData("my parcel is late", IssueTypes.Late)]
    [InlineData("I can't log in", IssueTypes.Account)]
    [InlineData("what a lovely day", null)]
    public void Extract_IssueType(string text, string? expected) => Assert.Equal(expected, FactExtractor.Extract(text).IssueType);

    [Theory]
    [InlineData("I want my money back", Wants.Refund)]
    [InlineData("please send a new one", Wants.Replacement)]
    [InlineData("can you call me", Wants.Callback)]
    [InlineData("I want compensation", Wants.Compensation)]
    [InlineData("give me a voucher", Wants.Discount)]
    [InlineData("what's ticket T-1042 about", null)]
    public void Extract_Want(string text, string? expected) => Assert.Equal(expected, FactExtractor.Extract(text).Want);

    [Fact]
    public void Extract_ProductAndDetail()
    {
        var facts = FactExtractor.Extract("My phone arrived with a cracked screen");

        Assert.Equal("phone", facts.Product);
        Assert.Equal("cracked screen", facts.Detail);
    }

    [Fact]
    public void Extract_FiftyKilobytes_ReadsOnlyTheStartQuickly()
    {
        var paste = "order 4411 is broken " + new string('x', 50_000) + " order 9999";

        var facts = FactExtractor.Extract(paste);

        Assert.Equal("4411", facts.OrderNumber);
    }

    [Fact]
    public void Extract_TypedEmail_KeptButNeverAnIdentity() =>
        Assert.Equal("sam.rivera@example.com", FactExtractor.Extract("I'm sam.rivera@example.com").TypedEmail);
}

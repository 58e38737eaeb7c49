using System.Globalization;
using SupportBot.Dialogs.Prompts;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests.Prompts;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("42", "42")]
    [InlineData("order 4411 please", "4411")]
    [InlineData("-3", "-3")]
    [InlineData("1,000", "1000")]
    public async Task ContinueDialog_IntAnswer_Recognised(string answer, string expected)
    {
        // Arrange
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new NumberPrompt<int>("n"), PromptOptions.FromText("How many?")))
            .Send("hi").AssertReply("How many?");

        // Act + Assert
        await flow.Send(answer).AssertReply($"Got {expected}").StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_NotANumber_SendsRetryPrompt()
    {
        // Arrange
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new NumberPrompt<int>("n"), PromptOptions.FromText("How many?", "Please type a number, like 3.")))
            .Send("hi").AssertReply("How many?");

        // Act + Assert
        await flow
            .Send("forty two").AssertReply("Please type a number, like 3.")
            .Send("2.5").AssertReply("Please type a number, like 3.")
            .Send("42").AssertReply("Got 42")
            .StartTestAsync();
    }

    [Fact]
    public async Task ContinueDialog_DecimalUnderGermanCulture_ReadsInvariant()
    {
        // Arrange
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new NumberPrompt<decimal>("amount"), PromptOptions.FromText("How much?")))
                .Send("hi").AssertReply("How much?");

            // Act + Assert
            await flow.Send("1,250.50").AssertReply("Got 1250.50").StartTestAsync();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task ContinueDialog_DoubleWithValidator_RetriesOutOfRange()
    {
        // Arrange
        PromptValidator<double> rating = (prompt, ct) => Task.FromResult(prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 1 and <= 5);
        var flow = TestFlow.ForDialogs("root", PromptFlows.Asking(new NumberPrompt<double>("rating", rating), PromptOptions.FromText("Rate us 1 to 5.", "From 1 to 5, please.")))
            .Send("hi").AssertReply("Rate us 1 to 5.");

        // Act + Assert
        await flow
            .Send("7").AssertReply("From 1 to 5, please.")
            .Send("4.5").AssertReply("Got 4.5")
            .StartTestAsync();
    }
}

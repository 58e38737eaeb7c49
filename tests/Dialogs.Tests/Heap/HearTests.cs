using SupportBot.Dialogs.Tests.Heap.Infrastructure;

namespace SupportBot.Dialogs.Tests.Heap;

public sealed class HearTests
{
    [Fact]
    public async Task Reflection_NoWithCorrection_TakesCorrectionAndReflectsAgain()
    {
        var flow = new HeapFlow();

        var first = await flow.SayAsync("My order 4411 arrived damaged");
        var second = await flow.SayAsync("no, it's order 4402 and the headphones are broken");

        Assert.Contains("4411", first);
        Assert.Contains("4402", second);
        Assert.Contains("headphones", second);
        Assert.DoesNotContain("4411", second);
        Assert.EndsWith("Is that right?", second);
    }

    [Fact]
    public async Task Reflection_BareNo_AsksWhatWasWrongThenReflectsTheNewStory()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("my parcel is late");
        var ask = await flow.SayAsync("no");
        var again = await flow.SayAsync("I was sent the wrong size");

        Assert.Contains("What did I get wrong?", ask);
        Assert.Contains("you were sent the wrong size", again);
        Assert.EndsWith("Is that right?", again);
    }

    [Fact]
    public async Task Reflection_YesWithMoreFacts_KeepsThemAndMovesOn()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("the kettle I ordered doesn't work");
        var lead = await flow.SayAsync("yes, and I need it by Friday");
        var done = await flow.SayAsync("Replacement");

        Assert.Contains("What would make this right", lead);
        Assert.Contains("Friday", done);
    }

    [Fact]
    public async Task ContradictoryAnswers_BoundedCorrections_NeverStuck()
    {
        // Without sentiment: with it, three negative messages in a row rightly go to a person first.
        var flow = new HeapFlow(sentiment: false);

        await flow.SayAsync("my order 4411 arrived damaged");
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("Is that right?", await flow.SayAsync("no, it's order 4411 and it arrived damaged"));
        }

        var after = await flow.SayAsync("no, it's order 4411 and it arrived damaged");

        Assert.Contains("What would make this right", after);
    }

    [Fact]
    public async Task UnknownOrderNumber_AsksToCheckThenCarriesOnWithout()
    {
        var flow = new HeapFlow();

        var ask = await flow.SayAsync("order 99999 arrived broken");
        var reflect = await flow.SayAsync("I don't have it");

        Assert.Contains("couldn't find an order numbered 99999", ask);
        Assert.DoesNotContain("99999", reflect);
        Assert.EndsWith("Is that right?", reflect);
    }

    [Fact]
    public async Task UnknownOrderNumber_CorrectedNumber_IsChecked()
    {
        var flow = new HeapFlow();

        await flow.SayAsync("order 99999 arrived broken");
        var reflect = await flow.SayAsync("sorry, it's 4411");

        Assert.Contains("4411", reflect);
    }

    [Fact]
    public async Task VagueOpening_LetsTheCustomerTellTheWholeStoryFirst()
    {
        var flow = new HeapFlow();

        var listen = await flow.SayAsync("I have a problem with an order");
        var reflection = await flow.SayAsync("order 4411 came with a cracked screen");

        Assert.Contains("tell me what happened", listen);
        Assert.DoesNotContain("Is that right?", listen);
        Assert.Contains("4411", reflection);
        Assert.Contains("cracked screen", reflection);
    }
}

using System.Net.WebSockets;
using SupportBot.Connectors.DirectLine.Streaming;

namespace SupportBot.Bot.Tests.DirectLine;

/// <summary>Which of a conversation's sockets keeps the stream.</summary>
public sealed class DirectLineStreamsTests
{
    private static StreamConnection Connection() =>
        new(WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true }), TimeSpan.FromSeconds(30), TimeProvider.System);

    [Fact]
    public void Attach_InArrivalOrder_TheNewerSocketRetiresTheOlder()
    {
        var streams = new DirectLineStreams();
        var older = Connection();
        var newer = Connection();
        var first = streams.NextArrival();
        var second = streams.NextArrival();

        streams.Attach("c1", older, first);
        streams.Attach("c1", newer, second);

        Assert.True(older.IsRetired);
        Assert.False(newer.IsRetired);
    }

    [Fact]
    public void Attach_OlderSocketFinishesItsReplayLast_ItIsRetiredAndTheNewerKeepsTheStream()
    {
        var streams = new DirectLineStreams();
        var older = Connection();
        var newer = Connection();
        var first = streams.NextArrival();
        var second = streams.NextArrival();

        streams.Attach("c1", newer, second);
        streams.Attach("c1", older, first);

        Assert.True(older.IsRetired);
        Assert.False(newer.IsRetired);
        Assert.Equal(1, streams.Count);
    }
}

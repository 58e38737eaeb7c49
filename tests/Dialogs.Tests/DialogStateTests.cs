using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.State;

namespace SupportBot.Dialogs.Tests;

public sealed class DialogStateTests
{
    [Fact]
    public void Serialize_NestedStack_RoundTripsThroughStateJson()
    {
        // Arrange
        var inner = new DialogState([new DialogInstance("name") { State = new JsonObject { ["attempts"] = 2 } }]);
        var state = new DialogState([new DialogInstance("intake") { State = new JsonObject { ["step"] = 1 }, Children = inner }]);

        // Act
        var copy = JsonSerializer.SerializeToElement(state, StateJson.Options).Deserialize<DialogState>(StateJson.Options)!;

        // Assert
        var root = Assert.Single(copy.DialogStack);
        Assert.Equal("intake", root.Id);
        Assert.Equal(1, (int)root.State!["step"]!);
        Assert.Equal(2, (int)root.Children!.DialogStack[0].State!["attempts"]!);
    }

    [Fact]
    public void Serialize_InstanceWithoutStateOrChildren_WritesOnlyId()
    {
        // Arrange
        var state = new DialogState([new DialogInstance("root")]);

        // Act
        var json = JsonSerializer.Serialize(state, StateJson.Options);

        // Assert
        Assert.Equal("""{"stack":[{"id":"root"}]}""", json);
    }
}

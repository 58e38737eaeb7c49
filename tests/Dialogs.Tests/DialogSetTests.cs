using Moq;
using SupportBot.Core.Turns;
using SupportBot.Dialogs.Tests.Infrastructure;

namespace SupportBot.Dialogs.Tests;

public sealed class DialogSetTests
{
    [Fact]
    public void Add_DuplicateId_ThrowsArgumentException()
    {
        // Arrange
        var set = new DialogSet().Add(new RecordingDialog("a"));

        // Act + Assert
        Assert.Throws<ArgumentException>(() => set.Add(new RecordingDialog("a")));
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        // Arrange
        var set = new DialogSet().Add(new RecordingDialog("a"));

        // Act + Assert
        Assert.Null(set.Find("b"));
        Assert.NotNull(set.Find("a"));
    }

    [Fact]
    public async Task CreateContextAsync_NoStateAccessor_ThrowsInvalidOperation()
    {
        // Arrange
        var set = new DialogSet();

        // Act + Assert
        await Assert.ThrowsAsync<InvalidOperationException>(() => set.CreateContextAsync(new Mock<ITurnContext>().Object));
    }
}

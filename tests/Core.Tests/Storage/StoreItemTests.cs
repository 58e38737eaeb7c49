using System.Text;
using System.Text.Json;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Tests.Storage;

public sealed class StoreItemTests
{
    [Fact]
    public void FromUtf8_GivesTheSameBytesBackAndParsesOnlyWhenAskedForTheValue()
    {
        var json = Encoding.UTF8.GetBytes("""{"count":3,"name":"Ana"}""");

        var item = StoreItem.FromUtf8(json, "e1");

        Assert.True(item.Utf8.SequenceEqual(json));
        Assert.Equal(3, item.Value.GetProperty("count").GetInt32());
        Assert.Equal("Ana", item.Value.GetProperty("name").GetString());
        Assert.Equal("e1", item.ETag);
    }

    [Fact]
    public void FromElement_Utf8IsTheElementsText()
    {
        var item = new StoreItem(JsonSerializer.SerializeToElement(new { count = 4 }), StoreItem.AnyETag);

        Assert.Equal("""{"count":4}""", Encoding.UTF8.GetString(item.Utf8));
        var (value, etag) = item;
        Assert.Equal(4, value.GetProperty("count").GetInt32());
        Assert.Equal(StoreItem.AnyETag, etag);
    }

    [Fact]
    public void FromUtf8_NotJson_FailsWhenTheValueIsRead()
    {
        var item = StoreItem.FromUtf8(Encoding.UTF8.GetBytes("{not json"));

        Assert.ThrowsAny<JsonException>(() => item.Value);
    }
}

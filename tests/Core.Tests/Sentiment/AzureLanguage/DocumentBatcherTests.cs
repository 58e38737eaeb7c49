using SupportBot.Core.Sentiment.AzureLanguage;

namespace SupportBot.Core.Tests.Sentiment.AzureLanguage;

/// <summary>The service limits of PROTOCOLS.md §8: 5,120 characters, 10 documents, 1 MB.</summary>
public sealed class DocumentBatcherTests
{
    [Fact]
    public void Prepare_ShortText_ReturnsSameString()
    {
        const string Text = "Where is my refund? 😠";

        Assert.Same(Text, DocumentBatcher.Prepare(Text));
    }

    [Fact]
    public void Prepare_TextAtLimit_Unchanged()
    {
        var text = new string('x', 5120);

        Assert.Equal(text, DocumentBatcher.Prepare(text));
    }

    [Fact]
    public void Prepare_LongText_CutTo5120CodeUnits()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789", 1000));

        Assert.Equal(text[..5120], DocumentBatcher.Prepare(text));
    }

    [Fact]
    public void Prepare_SurrogatePairAcrossLimit_CutBeforePair()
    {
        var text = new string('a', 5119) + "👍" + "tail";

        var prepared = DocumentBatcher.Prepare(text);

        Assert.Equal(5119, prepared.Length);
        Assert.False(char.IsSurrogate(prepared[^1]));
    }

    [Fact]
    public void Prepare_SurrogatePairEndingAtLimit_KeptWhole()
    {
        var text = new string('a', 5118) + "👍" + "tail";

        Assert.Equal(new string('a', 5118) + "👍", DocumentBatcher.Prepare(text));
    }

    [Fact]
    public void Prepare_LoneSurrogates_ReplacedKeepingLength()
    {
        // Not [InlineData]: the test runner mangles lone surrogates in theory data.
        Assert.Equal("a\uFFFDb", DocumentBatcher.Prepare("a\uD800b"));
        Assert.Equal("\uFFFDstart", DocumentBatcher.Prepare("\uDC00start"));
        Assert.Equal("end\uFFFD", DocumentBatcher.Prepare("end\uD83D"));
        Assert.Equal("\uFFFD\uFFFD👍", DocumentBatcher.Prepare("\uDC00\uD800👍"));
    }

    [Fact]
    public void Batch_TwentyThreeDocuments_TenTenThreeInOrder()
    {
        var documents = Enumerable.Range(0, 23).Select(i => new PendingDocument(i, "text")).ToList();

        var batches = DocumentBatcher.Batch(documents, "en");

        Assert.Equal([10, 10, 3], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(0, 23), batches.SelectMany(b => b).Select(d => d.Index));
    }

    [Fact]
    public void Batch_ByteLimitReachedFirst_SplitsBelowTenDocuments()
    {
        var documents = Enumerable.Range(0, 6).Select(i => new PendingDocument(i, new string('x', 100))).ToList();
        var perDocument = DocumentBatcher.EstimateBytes(documents[0], "en");

        var batches = DocumentBatcher.Batch(documents, "en", maxBytes: 256 + (2 * perDocument));

        Assert.Equal([2, 2, 2], batches.Select(b => b.Count));
    }

    [Fact]
    public void Batch_TenLargestNonAsciiDocuments_FitOneRequestUnderOneMegabyte()
    {
        var largest = new string('ж', DocumentBatcher.MaxDocumentLength);
        var documents = Enumerable.Range(0, 10).Select(i => new PendingDocument(i, largest)).ToList();

        var batch = Assert.Single(DocumentBatcher.Batch(documents, "en"));

        Assert.Equal(10, batch.Count);
        Assert.True(batch.Sum(d => DocumentBatcher.EstimateBytes(d, "en")) < DocumentBatcher.MaxRequestBytes);
    }

    [Fact]
    public void Batch_NoDocuments_NoBatches()
    {
        Assert.Empty(DocumentBatcher.Batch([], "en"));
    }
}

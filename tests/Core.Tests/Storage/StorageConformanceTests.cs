using System.Text.Json;
using SupportBot.Core.Schema;
using SupportBot.Core.Storage;

namespace SupportBot.Core.Tests.Storage;

/// <summary>
/// The one suite every storage provider must pass: ETag rules, atomic batches, deletes, large values,
/// many keys, concurrent writers, and the turn commit (processed mark, transcript, outbox).
/// A provider's test class derives from this and says how to make a fresh, empty store.
/// </summary>
public abstract class StorageConformanceTests
{
    /// <summary>A fresh, empty store implementing all four storage interfaces.</summary>
    protected abstract Task<TStore> CreateStoreAsync<TStore>() where TStore : class;

    private Task<IStorage> StorageAsync() => CreateStoreAsync<IStorage>();

    protected static StoreItem Item(object value, string? etag = null) =>
        new(JsonSerializer.SerializeToElement(value), etag);

    protected static int Count(StoreItem item) => item.Value.GetProperty("count").GetInt32();

    [Fact]
    public async Task Read_MissingKey_IsAbsent()
    {
        var storage = await StorageAsync();

        var items = await storage.ReadAsync(["nope"]);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Write_NewKeyWithNullETag_CreatesAndReturnsETag()
    {
        var storage = await StorageAsync();

        var etags = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }) });
        var items = await storage.ReadAsync(["a"]);

        Assert.False(string.IsNullOrEmpty(etags["a"]));
        Assert.Equal(1, Count(items["a"]));
        Assert.Equal(etags["a"], items["a"].ETag);
    }

    [Fact]
    public async Task Write_NullETagOnExistingKey_Conflicts()
    {
        var storage = await StorageAsync();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }) });

        var ex = await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 2 }) }));

        Assert.Equal("a", ex.Key);
        Assert.Equal(1, Count((await storage.ReadAsync(["a"]))["a"]));
    }

    [Fact]
    public async Task Write_CurrentETag_ReplacesAndChangesETag()
    {
        var storage = await StorageAsync();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }) });

        var second = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 2 }, first["a"]) });

        Assert.NotEqual(first["a"], second["a"]);
        Assert.Equal(2, Count((await storage.ReadAsync(["a"]))["a"]));
    }

    [Fact]
    public async Task Write_StaleETag_ThrowsConflictAndKeepsValue()
    {
        var storage = await StorageAsync();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }) });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 2 }, first["a"]) });

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 3 }, first["a"]) }));

        Assert.Equal(2, Count((await storage.ReadAsync(["a"]))["a"]));
    }

    [Fact]
    public async Task Write_ETagForMissingKey_Conflicts()
    {
        var storage = await StorageAsync();

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["ghost"] = Item(new { count = 1 }, "some-etag") }));

        Assert.Empty(await storage.ReadAsync(["ghost"]));
    }

    [Fact]
    public async Task Write_StarETag_OverwritesWhateverIsThere()
    {
        var storage = await StorageAsync();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }) });

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 5 }, StoreItem.AnyETag) });
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["b"] = Item(new { count = 6 }, StoreItem.AnyETag) });

        var items = await storage.ReadAsync(["a", "b"]);
        Assert.Equal(5, Count(items["a"]));
        Assert.Equal(6, Count(items["b"]));
    }

    [Fact]
    public async Task Write_BatchWithOneConflict_WritesNothing()
    {
        var storage = await StorageAsync();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["taken"] = Item(new { count = 1 }) });

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(new Dictionary<string, StoreItem>
        {
            ["fresh"] = Item(new { count = 1 }),
            ["taken"] = Item(new { count = 2 }),
        }));

        var items = await storage.ReadAsync(["fresh", "taken"]);
        Assert.False(items.ContainsKey("fresh"));
        Assert.Equal(1, Count(items["taken"]));
    }

    [Fact]
    public async Task Delete_ExistingAndMissingKeys_RemovesAndIgnores()
    {
        var storage = await StorageAsync();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }), ["b"] = Item(new { count = 2 }) });

        await storage.DeleteAsync(["a", "never-there"]);

        var items = await storage.ReadAsync(["a", "b"]);
        Assert.False(items.ContainsKey("a"));
        Assert.True(items.ContainsKey("b"));
    }

    [Fact]
    public async Task Delete_ThenCreateWithNullETag_Succeeds()
    {
        var storage = await StorageAsync();
        var first = await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 1 }) });
        await storage.DeleteAsync(["a"]);

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 2 }) });

        await Assert.ThrowsAsync<StorageConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, StoreItem> { ["a"] = Item(new { count = 3 }, first["a"]) }));
    }

    [Fact]
    public async Task Write_LargeValue_RoundTripsExactly()
    {
        var storage = await StorageAsync();
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => (char)('a' + (i % 26)))) + " ünïcødé ✓ 😀";

        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["big"] = Item(new { text }) });

        var stored = (await storage.ReadAsync(["big"]))["big"].Value.GetProperty("text").GetString();
        Assert.Equal(text, stored);
    }

    [Fact]
    public async Task Write_ManyKeys_AllReadBack()
    {
        var storage = await StorageAsync();
        var changes = Enumerable.Range(0, 2_000).ToDictionary(i => $"conv/{i}", i => Item(new { count = i }));

        await storage.WriteAsync(changes);
        var items = await storage.ReadAsync(changes.Keys.ToList());

        Assert.Equal(2_000, items.Count);
        Assert.All(changes.Keys, key => Assert.Equal(int.Parse(key[5..], System.Globalization.CultureInfo.InvariantCulture), Count(items[key])));
    }

    [Fact]
    public async Task Write_KeysWithOddCharacters_AreDistinct()
    {
        var storage = await StorageAsync();
        string[] keys = ["a/b", "a\\b", "a b", "a'b", "a\"b", "ключ", "a%b", "A/B"];

        await storage.WriteAsync(keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => Item(new { count = p.i })));

        var items = await storage.ReadAsync(keys);
        Assert.Equal(keys.Length, items.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i, Count(items[keys[i]]));
        }
    }

    [Fact]
    public async Task Write_ConcurrentReadModifyWriteWithRetries_LosesNoIncrement()
    {
        var storage = await StorageAsync();
        await storage.WriteAsync(new Dictionary<string, StoreItem> { ["counter"] = Item(new { count = 0 }) });
        var conflicts = 0;

        async Task IncrementAsync()
        {
            while (true)
            {
                var current = (await storage.ReadAsync(["counter"]))["counter"];
                try
                {
                    await storage.WriteAsync(new Dictionary<string, StoreItem> { ["counter"] = Item(new { count = Count(current) + 1 }, current.ETag) });
                    return;
                }
                catch (StorageConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await IncrementAsync();
            }
        })));

        Assert.Equal(400, Count((await storage.ReadAsync(["counter"]))["counter"]));
    }

    [Fact]
    public async Task Write_ConcurrentCreatesOfOneKey_ExactlyOneWins()
    {
        var storage = await StorageAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { ["new"] = Item(new { count = i }) });
                return true;
            }
            catch (StorageConflictException)
            {
                return false;
            }
        })));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Commit_StateTranscriptOutboxAndMark_AllVisible()
    {
        var store = await CreateStoreAsync<ITurnStore>();
        var key = new ActivityKey("test", "c1", "in-1");
        var inbound = Message("in-1", "c1", "hello");
        var reply = Message("out-1", "c1", "hi there");
        var commit = new TurnCommit { Inbound = key };
        commit.StateChanges["test/conversations/c1"] = Item(new { count = 1 });
        commit.Transcript.AddRange([inbound, reply]);
        commit.Outbox.Add((OutboxOperation.Send, reply));

        var entries = await store.CommitAsync(commit);

        Assert.True(await store.IsProcessedAsync(key));
        Assert.False(await store.IsProcessedAsync(key with { ActivityId = "in-2" }));
        Assert.Single(entries);
        var transcript = await ((ITranscriptStore)store).GetTranscriptActivitiesAsync("test", "c1");
        Assert.Equal(["hello", "hi there"], transcript.Activities.Select(a => a.Text));
        var pending = await ((IOutboxStore)store).ReadPendingAsync(10);
        Assert.Equal(entries[0].Sequence, Assert.Single(pending).Sequence);
        Assert.Equal("hi there", pending[0].Activity.Text);
        Assert.Equal(1, Count((await ((IStorage)store).ReadAsync(["test/conversations/c1"]))["test/conversations/c1"]));
    }

    [Fact]
    public async Task Commit_DuplicateInbound_ThrowsAndWritesNothing()
    {
        var store = await CreateStoreAsync<ITurnStore>();
        var key = new ActivityKey("test", "c1", "in-1");
        await store.CommitAsync(new TurnCommit { Inbound = key });
        var again = new TurnCommit { Inbound = key };
        again.StateChanges["s"] = Item(new { count = 1 });
        again.Transcript.Add(Message("in-1", "c1", "hello"));
        again.Outbox.Add((OutboxOperation.Send, Message("out", "c1", "reply")));

        await Assert.ThrowsAsync<DuplicateActivityException>(() => store.CommitAsync(again));

        Assert.Empty(await ((IStorage)store).ReadAsync(["s"]));
        Assert.Empty((await ((ITranscriptStore)store).GetTranscriptActivitiesAsync("test", "c1")).Activities);
        Assert.Empty(await ((IOutboxStore)store).ReadPendingAsync(10));
    }

    [Fact]
    public async Task Commit_StaleState_ThrowsConflictAndWritesNothing()
    {
        var store = await CreateStoreAsync<ITurnStore>();
        await ((IStorage)store).WriteAsync(new Dictionary<string, StoreItem> { ["s"] = Item(new { count = 1 }) });
        var commit = new TurnCommit { Inbound = new ActivityKey("test", "c1", "in-1") };
        commit.StateChanges["s"] = Item(new { count = 2 }, "stale");
        commit.Transcript.Add(Message("in-1", "c1", "hello"));
        commit.Outbox.Add((OutboxOperation.Send, Message("out", "c1", "reply")));

        await Assert.ThrowsAsync<StorageConflictException>(() => store.CommitAsync(commit));

        Assert.False(await store.IsProcessedAsync(new ActivityKey("test", "c1", "in-1")));
        Assert.Empty((await ((ITranscriptStore)store).GetTranscriptActivitiesAsync("test", "c1")).Activities);
        Assert.Empty(await ((IOutboxStore)store).ReadPendingAsync(10));
    }

    [Fact]
    public async Task Outbox_MarkDelivered_RemovesOnlyThoseEntries()
    {
        var store = await CreateStoreAsync<ITurnStore>();
        var commit = new TurnCommit();
        commit.Outbox.Add((OutboxOperation.Send, Message("o1", "c1", "one")));
        commit.Outbox.Add((OutboxOperation.Update, Message("o1", "c1", "one, edited")));
        commit.Outbox.Add((OutboxOperation.Send, Message("o2", "c2", "two")));
        var entries = await store.CommitAsync(commit);
        var outbox = (IOutboxStore)store;

        await outbox.MarkDeliveredAsync([entries[0].Sequence]);

        var pending = await outbox.ReadPendingAsync(10);
        Assert.Equal([entries[1].Sequence, entries[2].Sequence], pending.Select(e => e.Sequence));
        Assert.Equal(OutboxOperation.Update, pending[0].Operation);
        var c2 = await outbox.ReadPendingAsync("test", "c2");
        Assert.Equal("two", Assert.Single(c2).Activity.Text);
    }

    [Fact]
    public async Task Transcript_ManyActivities_PagesInOrderWithoutGapsOrRepeats()
    {
        var store = await CreateStoreAsync<ITranscriptStore>();
        for (var batch = 0; batch < 5; batch++)
        {
            await store.LogActivitiesAsync(Enumerable.Range(0, 50).Select(i => Message($"m{(batch * 50) + i}", "c1", $"{(batch * 50) + i}")).ToList());
            await store.LogActivitiesAsync([Message("other", "c2", "elsewhere")]);
        }

        var texts = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.GetTranscriptActivitiesAsync("test", "c1", token);
            texts.AddRange(page.Activities.Select(a => a.Text!));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), texts);
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task Transcript_UnknownProperties_SurviveStorage()
    {
        var store = await CreateStoreAsync<ITranscriptStore>();
        var activity = ActivityJson.Deserialize("""{"type":"message","id":"x","channelId":"test","conversation":{"id":"c1","vendor":"v"},"from":{"id":"u"},"text":"hi","futureField":{"a":[1,2]}}""");

        await store.LogActivitiesAsync([activity]);

        var stored = Assert.Single((await store.GetTranscriptActivitiesAsync("test", "c1")).Activities);
        Assert.Equal("[1,2]", stored.Properties!["futureField"].GetProperty("a").GetRawText());
        Assert.Equal("v", stored.Conversation!.Properties!["vendor"].GetString());
    }

    protected static Activity Message(string id, string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "test",
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount("user"),
        Text = text,
    };
}

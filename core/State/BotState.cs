using SupportBot.Core.Storage;
using SupportBot.Core.Turns;

namespace SupportBot.Core.State;

/// <summary>
/// State kept in <see cref="IStorage"/> under one key per scope (conversation, user). Loaded once per
/// turn; inside a durable turn the changes are committed with the turn's replies (see
/// <see cref="DurableBotAdapter"/>), otherwise <see cref="SaveChangesAsync"/> writes them directly.
/// </summary>
public abstract class BotState(IStorage storage, string contextServiceKey)
{
    private readonly string _cacheKey = contextServiceKey;

    protected IStorage Storage { get; } = storage;

    /// <summary>An accessor for one property of this state.</summary>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new BotStatePropertyAccessor<T>(this, name);
    }

    /// <summary>Reads the state for this turn (once; <paramref name="force"/> reads again).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        if (!force && turnContext.TurnState.Get<CachedBotState>(_cacheKey) is not null)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var items = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        var cached = items.TryGetValue(key, out var item) ? new CachedBotState(item.Value, item.ETag) : new CachedBotState(null, null);
        turnContext.TurnState.Set(_cacheKey, cached);
        LoadedStates.Of(turnContext).Add(this);
    }

    /// <summary>
    /// Saves what changed. Inside a durable turn the write is staged into the turn's commit; outside one it
    /// goes straight to storage with the ETag it was read with.
    /// </summary>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        if (turnContext.TurnState.Get<CachedBotState>(_cacheKey) is not { } cached)
        {
            return;
        }

        var (json, changed) = cached.Serialize();
        if (!changed && !force)
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var item = StoreItem.FromUtf8(json, cached.ETag);
        if (turnContext.TurnState.Get<TurnCommit>() is { } commit)
        {
            commit.StateChanges[key] = item;
            return;
        }

        var etags = await Storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = item }, cancellationToken).ConfigureAwait(false);
        cached.ETag = etags[key];
    }

    /// <summary>Empties the state for this turn; saved like any other change.</summary>
    public void ClearState(ITurnContext turnContext) => GetCached(turnContext).Clear();

    /// <summary>Deletes the stored state now.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        turnContext.TurnState.Remove(_cacheKey);
        await Storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The storage key of this state for the turn's conversation or user.</summary>
    protected internal abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<CachedBotState> GetCachedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        return GetCached(turnContext);
    }

    private CachedBotState GetCached(ITurnContext turnContext) =>
        turnContext.TurnState.Get<CachedBotState>(_cacheKey)
        ?? throw new InvalidOperationException($"{GetType().Name} was not loaded for this turn.");
}

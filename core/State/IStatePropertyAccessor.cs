using SupportBot.Core.Turns;

namespace SupportBot.Core.State;

/// <summary>Reads and writes one named property of a <see cref="BotState"/> for the current turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The value; when absent, <paramref name="defaultValueFactory"/>'s value is stored and returned, else default.</summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

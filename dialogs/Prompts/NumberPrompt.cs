using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using SupportBot.Core.Turns;

namespace SupportBot.Dialogs.Prompts;

/// <summary>
/// Asks for a number (<c>int</c>, <c>long</c>, <c>decimal</c>, <c>double</c> …), read with the invariant
/// culture: the whole answer ("1,250.50") or the first number in it ("order 4411 please").
/// </summary>
/// <typeparam name="T">The numeric type of the answer.</typeparam>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    /// <inheritdoc />
    protected override Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry, CancellationToken cancellationToken) =>
        CreatePromptActivity(options, isRetry) is { } prompt ? turnContext.SendActivityAsync(prompt, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, CancellationToken cancellationToken) =>
        Task.FromResult(Recognize(turnContext.Activity.Text) is { } number
            ? PromptRecognizerResult<T>.Recognized(number)
            : PromptRecognizerResult<T>.NotRecognized);

    internal static T? Recognize(string? text)
    {
        var answer = AnswerText.Normalize(text);
        if (TryParse(answer, out var whole))
        {
            return whole;
        }

        foreach (var range in answer.SplitAny(' ', '\t', '\n'))
        {
            if (TryParse(AnswerText.Normalize(answer[range]), out var number))
            {
                return number;
            }
        }

        return null;
    }

    private static bool TryParse(ReadOnlySpan<char> text, out T value) =>
        T.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}

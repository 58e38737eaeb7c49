using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;

namespace SupportBot.Bot.Handoff;

/// <summary>Fails start-up on a bad <c>Handoff</c> section with messages that name the keys.</summary>
internal sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using Microsoft.Extensions.Options;
using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Bot.Conversation;

/// <summary>Fails start-up on a bad <c>Policy</c> section with messages that name the keys.</summary>
internal sealed class ServicePolicyValidator : IValidateOptions<ServicePolicyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ServicePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

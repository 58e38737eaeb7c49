using System.ComponentModel;
using Microsoft.SemanticKernel;
using SupportBot.Core.Support.Customers;

namespace SupportBot.Dialogs.Plugins;

/// <summary>Customer memory as a Semantic Kernel plugin (<see cref="SupportPluginNames.Customers"/>).</summary>
public sealed class CustomersPlugin(ICustomerService customers)
{
    /// <summary>
    /// The customer linked to the channel account, or null. Pass the activity's channel id and
    /// <c>From.Id</c> only, never an address or name the customer typed.
    /// </summary>
    [KernelFunction(SupportFunctionNames.Lookup)]
    [Description("Finds the customer behind the channel account the conversation comes from (name, open tickets, last outcome); returns null when unknown.")]
    public Task<CustomerProfile?> LookupAsync(
        [Description("The channel id of the conversation, e.g. webchat, email, x, mastodon.")] string channel,
        [Description("The account id the channel reports for the sender.")] string identity,
        CancellationToken cancellationToken = default) =>
        customers.LookupAsync(new ChannelIdentity(channel, identity), cancellationToken);
}

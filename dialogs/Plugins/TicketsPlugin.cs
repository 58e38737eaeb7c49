using System.ComponentModel;
using Microsoft.SemanticKernel;
using SupportBot.Core.Support.Tickets;

namespace SupportBot.Dialogs.Plugins;

/// <summary>Tickets as a Semantic Kernel plugin (<see cref="SupportPluginNames.Tickets"/>).</summary>
public sealed class TicketsPlugin(ITicketService tickets)
{
    /// <summary>Opens a ticket due <paramref name="resolveWithinHours"/> from now.</summary>
    [KernelFunction(SupportFunctionNames.Create)]
    [Description("Opens a support ticket and returns it with its reference (e.g. T-1043) and due time.")]
    public Task<Ticket> CreateAsync(
        [Description("Issue type from the service policy, e.g. damaged, late-delivery, callback.")] string category,
        [Description("What the customer needs, in one sentence.")] string summary,
        [Description("Hours until the ticket is due, from the policy's SLA for the issue type.")] double resolveWithinHours,
        [Description("The verified customer id, if known.")] string? customerId = null,
        [Description("The order number concerned, if any.")] string? orderNumber = null,
        [Description("The customer's channel, for the follow-up.")] string? channel = null,
        CancellationToken cancellationToken = default) =>
        tickets.CreateAsync(
            new TicketRequest(category, summary, TimeSpan.FromHours(resolveWithinHours), customerId, orderNumber, channel),
            cancellationToken);

    /// <summary>The ticket, or null for an unknown reference.</summary>
    [KernelFunction(SupportFunctionNames.Get)]
    [Description("Gets a ticket by reference (e.g. T-1042); returns null when there is none.")]
    public Task<Ticket?> GetAsync(
        [Description("The ticket reference, e.g. T-1042.")] string reference,
        CancellationToken cancellationToken = default) =>
        tickets.GetAsync(reference, cancellationToken);

    /// <summary>Resolves the ticket; null for an unknown reference.</summary>
    [KernelFunction(SupportFunctionNames.Resolve)]
    [Description("Marks a ticket resolved with what was done; returns the ticket, or null when there is none.")]
    public Task<Ticket?> ResolveAsync(
        [Description("The ticket reference, e.g. T-1042.")] string reference,
        [Description("What was done, in one sentence.")] string resolution,
        CancellationToken cancellationToken = default) =>
        tickets.ResolveAsync(reference, resolution, cancellationToken);
}

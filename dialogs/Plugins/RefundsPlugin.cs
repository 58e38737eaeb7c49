using System.ComponentModel;
using Microsoft.SemanticKernel;
using SupportBot.Core.Support.Refunds;

namespace SupportBot.Dialogs.Plugins;

/// <summary>
/// Refund requests as a Semantic Kernel plugin (<see cref="SupportPluginNames.Refunds"/>). The limit comes
/// from the service policy through <paramref name="refundLimit"/>, read on every call so a policy change
/// applies at once; it is never a function argument, so nothing a customer says can raise it.
/// </summary>
public sealed class RefundsPlugin(IRefundService refunds, Func<decimal> refundLimit)
{
    /// <summary>Requests a refund within the policy limit.</summary>
    [KernelFunction(SupportFunctionNames.Request)]
    [Description("Requests a refund on an order within the service policy's limit; the result says whether it was accepted, with a refund reference, or why not.")]
    public Task<RefundResult> RequestAsync(
        [Description("The order number, e.g. 4411.")] string orderNumber,
        [Description("The amount to refund, in the order's currency.")] decimal amount,
        [Description("Why, in one sentence.")] string reason,
        [Description("The verified customer id, if known.")] string? customerId = null,
        CancellationToken cancellationToken = default) =>
        refunds.RequestAsync(new RefundRequest(orderNumber, amount, reason, customerId), refundLimit(), cancellationToken);
}

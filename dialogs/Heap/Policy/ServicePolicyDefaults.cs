namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>The issue policies used when <c>Policy:Issues</c> is not configured (the same as the shipped appsettings.json).</summary>
public static class ServicePolicyDefaults
{
    /// <summary>Fills <see cref="ServicePolicyOptions.Issues"/> when the configuration left it empty.</summary>
    public static void Apply(ServicePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Issues.Count > 0)
        {
            return;
        }

        options.Issues = new(StringComparer.OrdinalIgnoreCase)
        {
            [IssueTypes.Damaged] = new() { Actions = [HeapActions.Replacement, HeapActions.Refund, HeapActions.Callback], SlaHours = 48 },
            [IssueTypes.Defective] = new() { Actions = [HeapActions.Replacement, HeapActions.Repair, HeapActions.Refund], SlaHours = 72 },
            [IssueTypes.WrongItem] = new() { Actions = [HeapActions.Replacement, HeapActions.Refund], SlaHours = 48 },
            [IssueTypes.Missing] = new() { Actions = [HeapActions.Replacement, HeapActions.Refund, HeapActions.Ticket], SlaHours = 48 },
            [IssueTypes.Late] = new() { Actions = [HeapActions.Ticket, HeapActions.Callback], SlaHours = 24, KnowledgeFirst = true },
            [IssueTypes.Billing] = new() { Actions = [HeapActions.Refund, HeapActions.Ticket, HeapActions.Callback], SlaHours = 72 },
            [IssueTypes.Account] = new() { Actions = [HeapActions.Ticket, HeapActions.Callback], SlaHours = 24, KnowledgeFirst = true },
            [IssueTypes.Other] = new() { Actions = [HeapActions.Ticket, HeapActions.Callback], SlaHours = 48, KnowledgeFirst = true },
        };
    }
}

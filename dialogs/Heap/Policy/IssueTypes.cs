namespace SupportBot.Dialogs.Heap.Policy;

/// <summary>The kinds of issue the policy distinguishes (keys of <c>Policy:Issues</c>).</summary>
public static class IssueTypes
{
    public const string Damaged = "damaged";
    public const string Defective = "defective";
    public const string Late = "late";
    public const string Missing = "missing";
    public const string WrongItem = "wrong-item";
    public const string Billing = "billing";
    public const string Account = "account";
    public const string Other = "other";

    /// <summary>Every known issue type.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Damaged, Defective, Late, Missing, WrongItem, Billing, Account, Other,
    };
}

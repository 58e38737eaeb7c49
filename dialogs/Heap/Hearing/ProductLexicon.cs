using System.Text.RegularExpressions;

namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>Finds the product a customer talks about among the kinds of things a retailer sells.</summary>
internal static partial class ProductLexicon
{
    public static string? Find(string input) =>
        ProductRegex().Match(input) is { Success: true } m ? m.Value.ToLowerInvariant() : null;

    [GeneratedRegex(@"\b(?:phone|smartphone|iphone|laptop|tablet|ipad|headphones|earbuds|speaker|tv|television|monitor|camera|watch|smartwatch|keyboard|mouse|printer|router|charger|cable|console|controller|kettle|toaster|blender|coffee machine|vacuum|lamp|chair|desk|sofa|table|mattress|jacket|shoes|trainers|boots|dress|shirt|jeans|sweater|backpack|bag|book|mug|vase|plates?|glasses|sunglasses)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ProductRegex();
}

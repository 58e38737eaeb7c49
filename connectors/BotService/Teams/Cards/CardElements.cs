using System.Text.Json.Nodes;

namespace SupportBot.Connectors.BotService.Teams.Cards;

/// <summary>
/// The few Adaptive Card elements the case card is made of. Text that came from a customer (or any
/// text we did not write) goes into <c>TextRun</c>s, which no host renders as markdown, so a customer
/// cannot put links or formatting into an agent's card.
/// </summary>
internal static class CardElements
{
    public static JsonObject Heading(string text, string size = "Medium") => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = size,
        ["wrap"] = true,
    };

    /// <summary>Our own words (no customer text): a plain TextBlock.</summary>
    public static JsonObject Label(string text, bool subtle = false, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["spacing"] = "Small" };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        return block;
    }

    /// <summary>Untrusted or free text: a RichTextBlock of literal runs (never markdown).</summary>
    public static JsonObject Literal(params JsonObject[] runs) => new()
    {
        ["type"] = "RichTextBlock",
        ["spacing"] = "Small",
        ["inlines"] = new JsonArray(runs),
    };

    public static JsonObject Run(string text, bool bold = false, bool subtle = false, bool italic = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (bold)
        {
            run["weight"] = "Bolder";
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        if (italic)
        {
            run["italic"] = true;
        }

        return run;
    }

    /// <summary>A "title: value" row: our title on the left, the value as literal text on the right.</summary>
    public static JsonObject Field(string title, string value) => new()
    {
        ["type"] = "ColumnSet",
        ["spacing"] = "Small",
        ["columns"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "110px",
                ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true }),
            },
            new JsonObject
            {
                ["type"] = "Column",
                ["width"] = "stretch",
                ["items"] = new JsonArray(Literal(Run(value))),
            }),
    };

    public static JsonObject Container(JsonArray items, string? style = null, string? id = null, bool visible = true)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = items };
        if (style is not null)
        {
            container["style"] = style;
            container["bleed"] = true;
        }

        if (id is not null)
        {
            container["id"] = id;
        }

        if (!visible)
        {
            container["isVisible"] = false;
        }

        return container;
    }

    /// <summary>
    /// A Universal Action (Adaptive Cards 1.4): Teams sends it to the bot as an <c>adaptiveCard/action</c>
    /// invoke with this verb and data (PROTOCOLS.md §3).
    /// </summary>
    public static JsonObject Execute(string verb, string title, string caseId, string? style = null)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = new JsonObject { ["caseId"] = caseId },
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }

    public static JsonObject Toggle(string title, string targetId) => new()
    {
        ["type"] = "Action.ToggleVisibility",
        ["title"] = title,
        ["targetElements"] = new JsonArray(targetId),
    };
}

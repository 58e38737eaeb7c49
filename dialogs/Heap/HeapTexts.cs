using SupportBot.Dialogs.Heap.Policy;

namespace SupportBot.Dialogs.Heap;

/// <summary>The bot's fixed sentences. None of them apologises: apologies come from the empathy bank only, so none repeats.</summary>
internal static class HeapTexts
{
    public const string WhatCanIDo = "What can I help you with today?";
    public const string AnythingElse = "Is there anything else I can help with?";
    public const string RemedyQuestion = "What would make this right for you?";
    public const string WhatDidIMiss = "Thanks for correcting me. What did I get wrong?";
    public const string ConfirmAgain = "Just to check I've understood — is that right? (yes or no)";
    public const string NotUnderstood = "I didn't quite catch that. Could you tell me in a few words what's going on — for example \"my order 1234 arrived damaged\"?";
    public const string EmojiOnly = "I can't read emoji very well 🙂 Could you tell me in a few words what's happening?";
    public const string EmptyMessage = "It looks like that message came through empty. What can I help you with?";
    public const string OtherLanguage = "I can only help in English at the moment. Could you write your message in English? If you'd rather, type \"talk to a person\" and a colleague will follow up.";
    public const string StartOver = "Sure, let's start again. What can I help you with?";
    public const string DidThatHelp = "Did that solve it?";
    public const string GladItHelped = "Great, glad that sorted it!";
    public const string TooLong = "That's a long message — I've read the start of it.";

    public static string Help(ServicePolicyOptions policy) =>
        $"I'm the {policy.BrandName} support assistant. Tell me what happened in your own words — for example a damaged, late or wrong order, a billing question or a login problem — and I'll sort it out or get the right person on it. "
        + "You can also ask things like our opening hours or delivery times, say \"start over\" at any time, or \"talk to a person\".";

    public static string Greeting(ServicePolicyOptions policy, string? name) =>
        name is null ? $"Hi, welcome to {policy.BrandName} support! {WhatCanIDo}" : $"Hi {name}, welcome back to {policy.BrandName} support! {WhatCanIDo}";

    public static string WelcomeBackTicket(string name, string ticketId) => $"Welcome back, {name} — is this about ticket {ticketId}?";

    public static string YoureWelcome(ServicePolicyOptions policy) => $"You're welcome! If anything else comes up, just message us here. {policy.SignOff}";

    public static string ThanksForPraise(ServicePolicyOptions policy) => $"Thank you — that's lovely to hear! I'll pass it on to the team. {policy.SignOff}";

    public static string OrderNotFound(string order) =>
        $"I couldn't find an order numbered {order}. Could you double-check it? It's in your order confirmation email. If you don't have it to hand, just say so and I'll carry on without it.";

    public static string KnowledgeAnswer(string answer, string title) => $"{answer.Trim()} (From our help article “{title}”.)";
}

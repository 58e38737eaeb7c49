namespace SupportBot.Dialogs.Heap.Hearing;

/// <summary>What a customer message is, before any fact in it counts.</summary>
internal enum MessageKind
{
    /// <summary>Nothing but white space.</summary>
    Empty,

    /// <summary>Emoji or punctuation without a word.</summary>
    EmojiOnly,

    /// <summary>Letters that form no words ("asdfgh qwrt").</summary>
    Gibberish,

    /// <summary>Written in a language the bot does not speak.</summary>
    OtherLanguage,

    /// <summary>"hi", "good morning".</summary>
    Greeting,

    /// <summary>"thanks", "that's all".</summary>
    Thanks,

    /// <summary>Compliments with no problem in them.</summary>
    Praise,

    /// <summary>"help", "what can you do".</summary>
    Help,

    /// <summary>"start over", "reset".</summary>
    StartOver,

    /// <summary>A question with no problem story ("what are your opening hours?").</summary>
    Question,

    /// <summary>Anything else: the customer is telling us what happened.</summary>
    Story,
}

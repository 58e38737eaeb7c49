namespace SupportBot.Core.Support.Customers;

/// <summary>The outcome of <see cref="ICustomerService.LinkIdentityAsync"/>.</summary>
public enum LinkResult
{
    /// <summary>The identity now belongs to the customer.</summary>
    Linked,

    /// <summary>It already did; nothing changed.</summary>
    AlreadyLinked,

    /// <summary>The identity has not verified a code for this customer recently; nothing changed.</summary>
    NotVerified,

    /// <summary>No customer with that id.</summary>
    UnknownCustomer,

    /// <summary>The identity belongs to another customer; nothing changed (a person must sort it out).</summary>
    LinkedToAnotherCustomer,
}

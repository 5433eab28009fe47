namespace JobSheetQA.Rules.Facts;

/// <summary>The moment and place of a decision. Rules read time from here, never from a clock.</summary>
/// <param name="Now">When the decision is made.</param>
/// <param name="IsDevelopment">True when the host runs in the Development environment (relaxes ACCESS when no requesters are listed).</param>
public sealed record DecisionContext(DateTimeOffset Now, bool IsDevelopment);

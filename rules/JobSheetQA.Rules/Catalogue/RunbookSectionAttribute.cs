namespace JobSheetQA.Rules.Catalogue;

/// <summary>The runbook section a rule enforces, e.g. <c>§2.4, §5.5</c>, or <c>—</c> for the bot's own rules.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunbookSectionAttribute(string section) : Attribute
{
    public string Section { get; } = section;
}

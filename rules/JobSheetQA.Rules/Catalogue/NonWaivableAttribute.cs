namespace JobSheetQA.Rules.Catalogue;

/// <summary>Marks a rule whose denial nothing can lift: no acknowledgement, role, window or policy setting.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NonWaivableAttribute : Attribute;

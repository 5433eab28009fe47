namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>Which Adaptive Card action a form's submit button is: both arrive at the bot as the same form submission.</summary>
public enum FormActionKind
{
    /// <summary><c>Action.Submit</c>: Teams posts a message whose <c>value</c> holds the inputs.</summary>
    Submit,

    /// <summary><c>Action.Execute</c> (Universal Actions): Teams sends an <c>adaptiveCard/action</c> invoke.</summary>
    Execute,
}

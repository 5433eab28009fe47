namespace JobSheetQA.Bot.Storage;

/// <summary>Where a promotion was started. Stored by name.</summary>
public enum PromotionSource
{
    /// <summary><c>promote &lt;env&gt;</c> in Teams or Slack: the bot dispatched the run.</summary>
    Chat,

    /// <summary>The Run workflow button in GitHub's Actions tab (or any run the bot did not dispatch), seen through the
    /// deployment protection rule.</summary>
    Actions,
}

// The comparison bot of the load benchmark (tests/load/README.md): an echo bot in the shape of Microsoft's
// botbuilder-js sample 02.echo-bot — restify, CloudAdapter, an ActivityHandler that echoes each message — with no app id,
// so inbound activities are accepted without a token and replies go to the activity's serviceUrl (the benchmark's sink).
const restify = require('restify');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } = require('botbuilder');

const port = Number(process.env.PORT || 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`echo bot turn failed: ${error}`);
  await context.sendActivity('The bot encountered an error.');
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const text = `Echo: ${context.activity.text}`;
      await context.sendActivity(MessageFactory.text(text, text));
      await next();
    });
  }
}

const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(port, '127.0.0.1', () => console.log(`echo bot listening on http://127.0.0.1:${port}/api/messages`));

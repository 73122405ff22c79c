using Bot.Host.Checklists;
using Bot.Host.Conversations;
using Bot.Host.Channels;
using Bot.Host.Doorplates;
using Bot.Host.Health;
using Bot.Host.Hosting;
using Bot.Host.Items;
using Bot.Host.Places;
using Bot.Host.Search;
using Bot.Host.Storage;
using Bot.Knowledge.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.AddRootConfiguration();

builder.Services.AddStoreOptions();
builder.Services.AddKnowledge(StoreSetup.Use(KnowledgeDbContext.MigrationsHistoryTable));
builder.Services.AddConversations();
builder.Services.AddApi();
builder.Services.AddHealth();
builder.Services.AddChannels();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseChannels();

app.MapOpenApi();
app.MapHealth();
app.MapItems();
app.MapPlaces();
app.MapSearch();
app.MapChecklists();
app.MapChannels();
app.MapDoorplates();

return await app.RunOrExplainAsync();

/// <summary>The web host's entry point, visible to <c>WebApplicationFactory</c>.</summary>
public partial class Program;

using LibrarianExercises.Web;
using LibrarianExercises.Web.Services;
using LibrarianExercises.Web.Services.Editors;

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
CommandLine.ConfigureHost(builder, args);
builder.AddLibrarianLogging();
builder.Services.AddLibrarianServices(builder.Configuration, builder.Environment);
builder.Services.AddLibrarianEditors(builder.Configuration, builder.Environment);
builder.Services.AddLibrarianWeb(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();

if (CommandLine.VerbOf(args) is not null)
{
    return await CommandLine.RunAsync(app.Services, args);
}

app.UseLibrarianPipeline();
await app.RunAsync();
return 0;

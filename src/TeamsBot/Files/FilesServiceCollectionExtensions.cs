namespace TeamsBot.Files;

public static class FilesServiceCollectionExtensions
{
    /// <summary>
    /// Files offered through Teams' file-consent flow: the router for the users' answers (each kind of file adds its
    /// <see cref="IFileConsentHandler"/>), and the uploader with its named HttpClient.
    /// </summary>
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileUploadOptions>().Bind(configuration.GetSection(FileUploadOptions.Section))
            .Validate(o => o.Timeout > TimeSpan.Zero, "FileUpload: Timeout must be positive.");
        // The timeout is the uploader's own (it tells it apart from the caller giving up); redirects are not followed.
        services.AddHttpClient(FileUploader.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddSingleton<FileUploader>();
        services.AddSingleton<FileConsentRouter>();
        return services;
    }
}

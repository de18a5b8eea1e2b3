package dev.portico.data;

import dev.portico.Portico;
import dev.portico.cli.Manage;

/** An application's {@code main} with the migrate command, run as a second process by {@link LiveMigrateTest}. */
public final class ManageMain {
    private ManageMain() {}

    public static void main(String[] args) {
        Manage manage =
                Manage.create(config -> Portico.builder().config(config)).settings(DatabaseSettings::register);
        System.exit(manage.command(MigrateCommand.create(manage::config)).run(args));
    }
}

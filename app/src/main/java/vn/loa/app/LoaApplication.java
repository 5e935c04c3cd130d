package vn.loa.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import vn.loa.app.backup.LoaCommands;
import vn.loa.connectors.KeptAliveConnections;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaApplication {

    static {
        // Before anything opens an HTTP connection: the JDK reads its keep-alive limit only once.
        KeptAliveConnections.ensure();
    }

    public static void main(String[] args) {
        // `java -jar loa.jar backup FILE` and the other operator commands run instead of the server.
        var command = LoaCommands.run(args, System.out, System.err);
        if (command.isPresent()) {
            System.exit(command.getAsInt());
        }
        SpringApplication.run(LoaApplication.class, args);
    }
}

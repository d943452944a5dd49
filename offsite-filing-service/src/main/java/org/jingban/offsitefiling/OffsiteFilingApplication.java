package org.jingban.offsitefiling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OffsiteFilingApplication {

    public static void main(String[] args) {
        SpringApplication.run(OffsiteFilingApplication.class, args);
    }
}

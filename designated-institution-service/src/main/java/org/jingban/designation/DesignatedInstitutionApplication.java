package org.jingban.designation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DesignatedInstitutionApplication {

    public static void main(String[] args) {
        SpringApplication.run(DesignatedInstitutionApplication.class, args);
    }
}

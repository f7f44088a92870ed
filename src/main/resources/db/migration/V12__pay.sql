-- Pay in structure (README, "Pay transparency"): the posting's pay as one document (pay.PayInput), and what the
-- filters and the facet read of it, derived by the service at each write and when the pay scale in force changes.
ALTER TABLE position ADD COLUMN pay jsonb;
ALTER TABLE position ADD COLUMN pay_stated boolean NOT NULL DEFAULT false;
ALTER TABLE position ADD COLUMN pay_monthly_min numeric(12, 2);
ALTER TABLE position ADD COLUMN pay_monthly_max numeric(12, 2);

-- Every stored salary moves into pay.text. `salary` stays, written by both releases, until the release after this.
UPDATE position SET pay = jsonb_build_object('text', salary) WHERE salary IS NOT NULL;

-- The release before writes `salary` alone while the rollout runs: its writes reach pay.text too.
CREATE FUNCTION position_pay_from_salary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.pay IS NULL AND NEW.salary IS NOT NULL THEN
            NEW.pay := jsonb_build_object('text', NEW.salary);
        END IF;
    ELSIF NEW.salary IS DISTINCT FROM OLD.salary AND NEW.pay IS NOT DISTINCT FROM OLD.pay THEN
        NEW.pay := CASE WHEN NEW.salary IS NULL THEN coalesce(OLD.pay, '{}'::jsonb) - 'text'
                        ELSE jsonb_set(coalesce(OLD.pay, '{}'::jsonb), '{text}', to_jsonb(NEW.salary)) END;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER position_pay_from_salary BEFORE INSERT OR UPDATE ON position
    FOR EACH ROW EXECUTE FUNCTION position_pay_from_salary();

-- An employer's rule: `required` refuses to publish a posting that states no starting pay.
ALTER TABLE employer ADD COLUMN pay_transparency text NOT NULL DEFAULT 'recommended'
    CHECK (pay_transparency IN ('recommended', 'required'));
